// regr-lint's language server in VS Code: findings in the Problems panel as you type (Python files
// and Jupyter notebooks), quick fixes, "# noqa" and fix-all as code actions ("source.fixAll.regr-lint"
// can go in editor.codeActionsOnSave), and the rule's documentation on hover over a code in a
// "# noqa:" comment. Everything is the server's; this only starts it.
"use strict";

const vscode = require("vscode");
const { LanguageClient, TransportKind } = require("vscode-languageclient/node");

let client;

function activate(context) {
  const [command, ...args] = vscode.workspace.getConfiguration("regr-lint").get("command", ["regr-lint", "server"]);
  const serverOptions = { command, args, transport: TransportKind.stdio };
  const clientOptions = {
    documentSelector: [
      { scheme: "file", language: "python" },
      { scheme: "untitled", language: "python" },
      // the cells of a notebook: the server lints them together, as `regr-lint check` lints an .ipynb
      { notebook: "jupyter-notebook", language: "python" },
    ],
    synchronize: {
      // the server re-reads its settings when these change on disk
      fileEvents: vscode.workspace.createFileSystemWatcher("**/{pyproject.toml,regr-lint.toml}"),
    },
  };
  client = new LanguageClient("regr-lint", "regr-lint", serverOptions, clientOptions);
  context.subscriptions.push(client);
  return client.start();
}

function deactivate() {
  return client ? client.stop() : undefined;
}

module.exports = { activate, deactivate };
