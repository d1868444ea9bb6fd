-- Opens a report in headless Neovim with its built-in LSP client attached to the report.dsl
-- language server, waits for the server's diagnostics and writes them as JSON.
-- Written for Neovim 0.7 (Debian 12), whose API predates vim.lsp.start.
local report, output, server = os.getenv('REPORT_FILE'), os.getenv('DIAGNOSTICS_FILE'), os.getenv('REPORT_SERVER')

vim.cmd('edit ' .. vim.fn.fnameescape(report))
local buffer = vim.api.nvim_get_current_buf()
local client = vim.lsp.start_client({
  name = 'report.dsl',
  cmd = vim.split(server, '\n', { plain = true }),
  root_dir = vim.fn.fnamemodify(report, ':h'),
})
vim.lsp.buf_attach_client(buffer, client)

local arrived = vim.wait(90000, function() return #vim.diagnostic.get(buffer) > 0 end, 100)
local diagnostics = {}
for _, d in ipairs(vim.diagnostic.get(buffer)) do
  table.insert(diagnostics, { lnum = d.lnum, col = d.col, end_lnum = d.end_lnum, end_col = d.end_col,
    severity = d.severity, code = d.code or (d.user_data and d.user_data.lsp and d.user_data.lsp.code), message = d.message })
end
local file = io.open(output, 'w')
file:write(vim.fn.json_encode({ arrived = arrived, diagnostics = diagnostics }))
file:close()
vim.lsp.stop_client(client)
vim.cmd('qa!')
