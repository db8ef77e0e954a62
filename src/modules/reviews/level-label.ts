import type { Lang } from "../../platform/i18n";
import { peopleText } from "../people/people.messages";
import type { EngagementLevel } from "./leadership";

/** An engagement level in the reader's language, in the people module's words. */
export const levelLabel = (level: string, lang: Lang): string =>
  peopleText[lang][`level_${level as EngagementLevel}`] ?? level;
