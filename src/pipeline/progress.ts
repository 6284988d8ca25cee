// Progress lines go to stderr, and only when stderr is a terminal (or RAA_PROGRESS=1 asks for them, as tests do).
export type Progress = (line: string) => void;

export function progressWriter(stream: NodeJS.WriteStream = process.stderr): Progress | undefined {
  if (!stream.isTTY && process.env.RAA_PROGRESS !== '1') return undefined;
  return (line) => stream.write(`${line}\n`);
}
