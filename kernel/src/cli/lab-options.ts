// The options of `tensorbook lab` / `tensorbook start` (npm start -- ...).

export const LAB_USAGE = `usage: tensorbook lab [options]     (npm start -- [options])

  --port N          serve on port N (default: the first free port from 8888; 0: any free port)
  --ip ADDR         address to bind (default 127.0.0.1; anything else exposes your notebooks)
  --no-browser      print the address instead of also opening a browser
  --root DIR        the folder JupyterLab shows (default: the current directory)
  --open PATH       the folder or notebook to open first (default: notebooks)
  --state-dir DIR   Jupyter data, settings and workspaces (default: ROOT/.tensorbook)
  --verbose         show the Jupyter server's log as it runs`;

export interface LabOptions {
  port: number | null;
  ip: string;
  browser: boolean;
  root: string;
  open: string;
  stateDir: string | null;
  verbose: boolean;
  help: boolean;
}

/** The options in `args`, or the first problem found. */
export function parseLabArgs(args: readonly string[], cwd = process.cwd()): LabOptions | { error: string } {
  const o: LabOptions = {
    port: null,
    ip: "127.0.0.1",
    browser: true,
    root: cwd,
    open: "notebooks",
    stateDir: null,
    verbose: false,
    help: false,
  };
  for (let i = 0; i < args.length; i++) {
    const [flag, inline] = args[i].split(/=(.*)/s, 2);
    const value = (): string | null => inline ?? args[++i] ?? null;
    switch (flag) {
      case "--port": {
        const v = value();
        const n = Number(v);
        if (!v || !Number.isInteger(n) || n < 0 || n > 65535)
          return { error: `--port needs a port number, got "${v}"` };
        o.port = n;
        break;
      }
      case "--ip":
      case "--root":
      case "--open":
      case "--state-dir": {
        const v = value();
        if (v === null) return { error: `${flag} needs a value` };
        if (flag === "--ip") o.ip = v;
        else if (flag === "--root") o.root = v;
        else if (flag === "--open") o.open = v;
        else o.stateDir = v;
        break;
      }
      case "--no-browser":
        o.browser = false;
        break;
      case "--verbose":
        o.verbose = true;
        break;
      case "--help":
      case "-h":
        o.help = true;
        break;
      default:
        return { error: `unknown option "${args[i]}"` };
    }
  }
  return o;
}
