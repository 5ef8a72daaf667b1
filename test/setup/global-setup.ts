// Runs once before all test files. Storage tests add their migrated template database here.
export default async function setup(): Promise<void> {
  process.env.TZ = "UTC"; // our code must not depend on the machine's zone: everything is explicit Asia/Ho_Chi_Minh
}
