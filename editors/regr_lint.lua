-- regr-lint's language server (`regr-lint server`) in Neovim's built-in LSP client.
--
--   require("regr_lint").setup()            -- with this file on 'runtimepath' as lua/regr_lint.lua
--   dofile("/path/to/editors/regr_lint.lua").setup()                -- or straight from a checkout
--   .setup({ cmd = { "/path/to/venv/bin/regr-lint", "server" } })  -- another regr-lint
--
-- Every Python buffer gets the server of its project (the nearest folder with a regr-lint.toml,
-- pyproject.toml or .git, as regr-lint finds settings): findings as diagnostics while you type,
-- quick fixes, `# noqa` and fix-all as code actions (vim.lsp.buf.code_action()), and the rule's
-- documentation on hover (vim.lsp.buf.hover()) over a code in a `# noqa:` comment.
-- Works on Neovim 0.7 (vim.lsp.start_client) and 0.8+ (vim.lsp.start).
local M = {}

local MARKERS = { "regr-lint.toml", "pyproject.toml", ".git" }

local function root_of(path)
  local dir = vim.fn.fnamemodify(path, ":p:h")
  for _, marker in ipairs(MARKERS) do
    local found = vim.fn.findfile(marker, dir .. ";")
    if found == "" then
      found = vim.fn.finddir(marker, dir .. ";")
    end
    if found ~= "" then
      return (vim.fn.fnamemodify(found, ":p:h"):gsub("/%.git$", ""))
    end
  end
  return dir
end

M.config = { cmd = { "regr-lint", "server" } }
local clients = {} -- root -> client id (Neovim 0.7 has no vim.lsp.start to reuse them)

-- Attach the server to `bufnr` (default: the current buffer); returns the client id.
function M.start(bufnr)
  bufnr = (bufnr == nil or bufnr == 0) and vim.api.nvim_get_current_buf() or bufnr
  local root = root_of(vim.api.nvim_buf_get_name(bufnr))
  local config = { name = "regr-lint", cmd = M.config.cmd, root_dir = root }
  if vim.lsp.start then
    return vim.lsp.start(config, { bufnr = bufnr })
  end
  local id = clients[root]
  if id == nil or vim.lsp.get_client_by_id(id) == nil then
    id = vim.lsp.start_client(config)
    clients[root] = id
  end
  vim.lsp.buf_attach_client(bufnr, id)
  return id
end

function M.setup(opts)
  M.config = vim.tbl_extend("force", M.config, opts or {})
  local group = vim.api.nvim_create_augroup("regr_lint", { clear = true })
  vim.api.nvim_create_autocmd("FileType", {
    group = group,
    pattern = "python",
    callback = function(args) M.start(args.buf) end,
  })
  return M
end

return M
