// Opens COUNT idle TCP connections to 127.0.0.1:PORT and sends nothing, as a flood of idle
// clients would; once all were attempted prints `{ open, refused }` every 250 ms (the server
// still drains its listen backlog after that, slower on a loaded machine), closes all when stdin
// ends.
const { connect } = require('node:net');

const port = Number(process.env.PORT);
const count = Number(process.env.COUNT);
const AT_ONCE = 500;
const sockets = new Set();
let refused = 0;

function open() {
  return new Promise((resolve) => {
    const socket = connect({ host: '127.0.0.1', port });
    sockets.add(socket);
    socket.on('connect', () => resolve());
    socket.on('error', () => resolve());
    socket.on('close', () => {
      sockets.delete(socket);
      refused += 1;
      resolve();
    });
  });
}

async function main() {
  for (let started = 0; started < count; started += AT_ONCE) {
    await Promise.all(Array.from({ length: Math.min(AT_ONCE, count - started) }, open));
  }
  const report = () => process.stdout.write(`${JSON.stringify({ open: sockets.size, refused })}\n`);
  report();
  setInterval(report, 250);
}

process.stdin.on('end', () => {
  for (const socket of sockets) socket.destroy();
  process.exit(0);
});
process.stdin.resume();
main().catch((error) => {
  process.stderr.write(`${error.stack}\n`);
  process.exit(1);
});
