// A real OpenID Connect provider (the `oidc-provider` package) for the console's sign-in tests,
// run as its own Node process because the package is an ES module for Node's own loader.
// Configuration comes from one JSON argument: { port, clients: [...], accounts: { login: { email, name, email_verified? } } }.
// Any login known in `accounts` signs in (the package's development login and consent pages); prints "ready <issuer>".
import Provider from 'oidc-provider';

const options = JSON.parse(process.argv[2]);
const issuer = `http://127.0.0.1:${options.port}`;

const provider = new Provider(issuer, {
  clients: options.clients,
  claims: { openid: ['sub'], email: ['email', 'email_verified'], profile: ['name'] },
  pkce: { required: () => true },
  features: { devInteractions: { enabled: true } },
  async findAccount(_ctx, id) {
    const account = options.accounts[id];
    if (!account) return undefined;
    return {
      accountId: id,
      async claims() {
        return { sub: id, email: account.email, email_verified: account.email_verified ?? true, name: account.name };
      },
    };
  },
});
provider.proxy = false;

const server = provider.listen(options.port, '127.0.0.1', () => {
  process.stdout.write(`ready ${issuer}\n`);
});
process.on('SIGTERM', () => server.close(() => process.exit(0)));
