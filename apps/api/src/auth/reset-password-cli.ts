// `npm run reset-password -- <email>`: prints a one-time password-reset token for that account and how to
// use it. For the embedded setup (no mail); stop `npm start` first there, as PGlite lets one process open
// its data directory. With SMTP_URL set, users can ask /api/auth/request-password-reset themselves.
import { openDatabase } from "@taskflow/runtime/database";
import { parseApiEnv } from "../env";
import { issuePasswordReset } from "./issue-password-reset";
import { resetInstructions } from "./password-reset";

const email = process.argv[2];
if (!email || process.argv.length > 3) {
  process.stderr.write("usage: npm run reset-password -- <email>\n");
  process.exit(2);
}
const env = parseApiEnv(process.env);
const database = await openDatabase(env);
try {
  const token = await issuePasswordReset(
    database.db,
    { secret: env.BETTER_AUTH_SECRET, baseUrl: env.BETTER_AUTH_URL },
    email,
  );
  if (!token) {
    process.stderr.write(`No account with the email ${email}.\n`);
    process.exitCode = 1;
  } else {
    process.stdout.write(`${resetInstructions(env.BETTER_AUTH_URL, token)}\n`);
  }
} finally {
  await database.close();
}
