// The outbox shows staff what was sent, but never the client's own secrets (issue 13, finding 8):
// manage links' and survey invitations' tokens and inquiry access codes are masked for every role.
const MASK = '••••••••';

const RULES: ReadonlyArray<[RegExp, string]> = [
  // ?token=… in manage links (and any other link carrying a token)
  [/([?&](?:token|t|code|key)=)[^\s&#"<>]+/gi, `$1${MASK}`],
  // /{agency}/aptauja/{token}: the survey invitation link
  [/(\/aptauja\/)(?!paldies)[^\s/?#"<>]+/g, `$1${MASK}`],
  // "Piekļuves kods: ABCD…" / "Access code: ABCD…"
  [/((?:piek\u013cuves kods|access code)\s*:\s*)[^\s]+/giu, `$1${MASK}`],
];

export function maskSecrets(text: string): string {
  return RULES.reduce((out, [pattern, replacement]) => out.replace(pattern, replacement), text);
}
