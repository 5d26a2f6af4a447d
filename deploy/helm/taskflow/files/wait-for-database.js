// Init container of the migration Job: wait until the database the migrations use (the direct
// DATABASE_MIGRATION_URL when given, else DATABASE_URL) accepts TCP connections.
// Runs with `node -e` in the api image (no shell tools needed). Gives up after 5 minutes.
const net = require("node:net");
const url = new URL(process.env.DATABASE_MIGRATION_URL || process.env.DATABASE_URL);
const host = url.hostname;
const port = Number(url.port || 5432);
const deadline = Date.now() + 300000;
function attempt() {
  const socket = net.connect({ host, port, timeout: 3000 });
  socket.once("connect", () => {
    console.log(`database ${host}:${port} accepts connections`);
    socket.destroy();
    process.exit(0);
  });
  const retry = (reason) => {
    socket.destroy();
    if (Date.now() > deadline) {
      console.error(`database ${host}:${port} still unreachable: ${reason}`);
      process.exit(1);
    }
    console.log(`waiting for database ${host}:${port} (${reason})`);
    setTimeout(attempt, 2000);
  };
  socket.once("timeout", () => retry("timeout"));
  socket.once("error", (error) => retry(error.code || error.message));
}
attempt();
