// A bare Bot Framework JS SDK echo bot (CloudAdapter), the throughput baseline for `-- turns`.
// No MicrosoftAppId, so the SDK runs in its local, unauthenticated mode, as the Emulator uses it.
// Node's own http server, so the figure is the SDK's cost rather than a web framework's.
const http = require('node:http');
const { CloudAdapter, ConfigurationBotFrameworkAuthentication } = require('botbuilder');

const adapter = new CloudAdapter(new ConfigurationBotFrameworkAuthentication({}));
const echo = async (context) => {
    await context.sendActivity(`You said: ${context.activity.text}`);
};

// CloudAdapter wants an already-parsed body and a restify/express-style response.
const server = http.createServer((req, res) => {
    const chunks = [];
    req.on('data', (chunk) => chunks.push(chunk));
    req.on('end', async () => {
        if (req.method !== 'POST' || req.url !== '/api/messages') {
            res.writeHead(req.url === '/healthz' ? 200 : 404).end();
            return;
        }
        let body;
        try {
            body = JSON.parse(Buffer.concat(chunks).toString('utf8'));
        } catch {
            res.writeHead(400).end();
            return;
        }
        await adapter.process({ body, headers: req.headers, method: req.method }, {
            socket: res.socket,
            header: (name, value) => res.setHeader(name, value),
            status: (code) => { res.statusCode = code; },
            send: (payload) => { if (payload !== undefined) res.write(typeof payload === 'string' ? payload : JSON.stringify(payload)); },
            end: () => res.end(),
        }, echo);
    });
});

server.listen(Number(process.env.PORT ?? 3979), '127.0.0.1', () => console.log(`listening on ${server.address().port}`));
