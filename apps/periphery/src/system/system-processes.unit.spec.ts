import { toSystemProcess } from './system-processes';

describe("a process in Komodo's shape", () => {
  const listed = {
    pid: 42,
    name: 'node',
    cpu: 30,
    memRss: 51_200,
    started: '2026-01-02 03:04:05',
    command: 'node',
    params: '/srv/app.js  --port 80',
    path: '/usr/bin',
  };

  it('counts CPU per core, memory in MB, and splits the command line', () => {
    expect(toSystemProcess(listed, 4)).toEqual({
      pid: 42,
      name: 'node',
      exe: '/usr/bin/node',
      cmd: ['/usr/bin/node', '/srv/app.js', '--port', '80'],
      start_time: new Date(2026, 0, 2, 3, 4, 5).getTime(),
      cpu_perc: 120,
      mem_mb: 50,
      disk_read_kb: 0,
      disk_write_kb: 0,
    });
  });

  it('leaves out what is not known: no path, no parameters, no start', () => {
    const kernel = { ...listed, path: '', params: '', started: '', command: 'kthreadd' };
    const answer = toSystemProcess(kernel, 2);
    expect(answer).toMatchObject({ exe: '', cmd: ['kthreadd'] });
    expect(answer).not.toHaveProperty('start_time');
  });
});
