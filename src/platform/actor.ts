import type { Db } from "../db/client";
import type { FieldCipher } from "./crypto";
import type { EventBus } from "./events";
import type { Role } from "./platform.schema";

/** Who is acting, in which organization. Every operation is scoped by `orgId`. */
export type Actor = { orgId: string; userId: string | null; role: Role };

/** What operations need from the outside world. */
export type Deps = { db: Db; cipher: FieldCipher; bus: EventBus };
