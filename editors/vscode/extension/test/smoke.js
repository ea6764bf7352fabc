// Starts the server the way the extension does (the command in package.json's default setting, or
// the JSON array in REGR_LINT_COMMAND), speaks LSP to it over stdio with vscode-jsonrpc (the
// transport vscode-languageclient itself uses), opens FILE's text and prints the diagnostics the
// server publishes as JSON. VS Code itself cannot run here (tests/test_editors.py runs this).
"use strict";

const fs = require("fs");
const path = require("path");
const { spawn } = require("child_process");
const { pathToFileURL } = require("url");
const rpc = require("vscode-jsonrpc/node");
const pkg = require("../package.json");

async function main() {
  const file = path.resolve(process.argv[2]);
  const setting = pkg.contributes.configuration.properties["regr-lint.command"].default;
  const [command, ...args] = process.env.REGR_LINT_COMMAND ? JSON.parse(process.env.REGR_LINT_COMMAND) : setting;
  const server = spawn(command, args, { stdio: ["pipe", "pipe", "inherit"] });
  const conn = rpc.createMessageConnection(new rpc.StreamMessageReader(server.stdout),
                                           new rpc.StreamMessageWriter(server.stdin));
  const uri = pathToFileURL(file).href;
  const published = new Promise((resolve) => {
    conn.onNotification("textDocument/publishDiagnostics", (params) => {
      if (params.uri === uri) resolve(params);
    });
  });
  conn.onRequest("client/registerCapability", () => null);
  conn.listen();
  const init = await conn.sendRequest("initialize", { processId: process.pid, rootUri: null, capabilities: {} });
  conn.sendNotification("initialized", {});
  conn.sendNotification("textDocument/didOpen", {
    textDocument: { uri, languageId: "python", version: 1, text: fs.readFileSync(file, "utf8") },
  });
  const timeout = new Promise((_, reject) => setTimeout(() => reject(new Error("no diagnostics in 30 s")), 30000));
  const params = await Promise.race([published, timeout]);
  await conn.sendRequest("shutdown");
  conn.sendNotification("exit");
  process.stdout.write(JSON.stringify({ server: init.serverInfo, diagnostics: params.diagnostics }) + "\n");
  conn.dispose();
}

main().catch((err) => {
  console.error(err);
  process.exit(1);
});
