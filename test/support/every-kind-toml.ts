/**
 * A sync file declaring every kind Monitor has, a variable and a user group, as a Komodo user
 * writes them; with a server passkey and a secret variable when asked (what an export must never
 * write back).
 */
export function everyKindToml({ passkey, secret }: { passkey?: string; secret?: string } = {}) {
  return `
[[server]]
name = "s1"
[server.config]
address = "https://s1.local:8120"
${passkey ? `passkey = "${passkey}"\n` : ''}
[[deployment]]
name = "d1"
tags = ["prod"]
[deployment.config]
server = "s1"
image.type = "Image"
image.params.image = "localhost/d1:1"
environment = """
MODE=prod
"""

[[stack]]
name = "st1"
tags = ["web", "db"]
[stack.config]
server = "s1"
file_contents = """
services:
  app:
    image: localhost/st1:1
"""

[[repo]]
name = "r1"
[repo.config]
server = "s1"
repo = "acme/r1"

[[builder]]
name = "bld1"
[builder.config]
type = "Server"
params.server_id = "s1"

[[build]]
name = "b1"
[build.config]
builder = "bld1"
repo = "acme/b1"

[[procedure]]
name = "p1"
[[procedure.config.stage]]
name = "ship"
enabled = true
executions = [
  { execution.type = "Deploy", execution.params.deployment = "d1", enabled = true },
]

[[action]]
name = "a1"
[action.config]
file_contents = "console.log('hello')"

[[resource_sync]]
name = "rs1"
[resource_sync.config]
repo = "acme/other"
resource_path = ["other.toml"]

[[alerter]]
name = "al1"
[alerter.config]
enabled = false
endpoint.type = "Custom"
endpoint.params.url = "http://127.0.0.1:9/hook"

[[server_template]]
name = "t1"
[server_template.config]
type = "Aws"
params.region = "eu-west-1"
params.instance_type = "t3.small"

[[variable]]
name = "REGION"
value = "eu-1"

${secret ? `[[variable]]\nname = "TOKEN"\nvalue = "${secret}"\nis_secret = true\n` : ''}
[[user_group]]
name = "readers"
permissions = [
  { target.type = "Deployment", target.id = "d1", level = "Read" },
]
`;
}

/** What `everyKindToml` declares: each kind, by the name it gives. */
export const EVERY_KIND_NAMES = [
  ['Server', 's1'],
  ['Deployment', 'd1'],
  ['Stack', 'st1'],
  ['Repo', 'r1'],
  ['Builder', 'bld1'],
  ['Build', 'b1'],
  ['Procedure', 'p1'],
  ['Action', 'a1'],
  ['ResourceSync', 'rs1'],
  ['Alerter', 'al1'],
  ['ServerTemplate', 't1'],
] as const;
