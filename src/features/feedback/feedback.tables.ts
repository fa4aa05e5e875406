// Tables of the feedback feature (re-exported by src/platform/db/schema.ts so drizzle-kit and the typed client see them).
export {};
