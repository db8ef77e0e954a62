// Until platform/ids.ts lands on main (isUuid); then use that one.
const UUID = /^[0-9a-f]{8}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{12}$/i;
export const isUuidText = (value: string) => UUID.test(value);
