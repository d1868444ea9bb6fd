-- Runs after the README's Neovim snippet (loaded as init.lua): opens a new report file and an example, which must
-- share one language server, introduces a balance error by editing the buffer, applies the quick fix the server
-- offers, saves, and writes what it saw as JSON.
local report, fresh, output = os.getenv('REPORT_FILE'), os.getenv('NEW_FILE'), os.getenv('RESULT_FILE')
local result = {}

local function finish()
  local file = io.open(output, 'w')
  file:write(vim.fn.json_encode(result))
  file:close()
  vim.cmd('qa!')
end

local function client_of(buffer)
  for id, _ in pairs(vim.lsp.buf_get_clients(buffer)) do
    return id
  end
end

vim.cmd('edit ' .. vim.fn.fnameescape(fresh))
local new_buffer = vim.api.nvim_get_current_buf()
result.new_filetype = vim.bo.filetype
vim.cmd('edit ' .. vim.fn.fnameescape(report))
local buffer = vim.api.nvim_get_current_buf()
result.filetype = vim.bo.filetype
-- Neovim 0.7 lists a client only once the server has answered initialize
result.initialized = vim.wait(90000, function()
  return client_of(buffer) ~= nil and client_of(new_buffer) ~= nil
end, 100)
result.clients = #vim.lsp.get_active_clients()
result.same_client = client_of(buffer) ~= nil and client_of(buffer) == client_of(new_buffer)
if not result.initialized then return finish() end

-- the balance error: 四 of the natural persons becomes 0 (the first cell of the row)
local lines = vim.api.nvim_buf_get_lines(buffer, 0, -1, false)
for row, line in ipairs(lines) do
  local cell = line:find('四:%s+1') and line:find('1', line:find(':'), true)
  if cell then
    vim.api.nvim_buf_set_text(buffer, row - 1, cell - 1, row - 1, cell, { '0' })
    break
  end
end

local function b1()
  for _, d in ipairs(vim.diagnostic.get(buffer)) do
    local code = d.code or (d.user_data and d.user_data.lsp and d.user_data.lsp.code)
    if code == 'B1' then return d end
  end
end
result.received = vim.wait(60000, function() return b1() ~= nil end, 100)
if not result.received then return finish() end
local diagnostic = b1()
result.diagnostic = { lnum = diagnostic.lnum, col = diagnostic.col, end_col = diagnostic.end_col, message = diagnostic.message }

-- the quick fix: the cursor on the cell, the code action the server offers to balance rule B1
vim.api.nvim_win_set_cursor(0, { diagnostic.lnum + 1, diagnostic.col })
local before = vim.api.nvim_buf_get_changedtick(buffer)
vim.ui.select = function(items, _, on_choice)
  for index, item in ipairs(items) do
    local action = item.action or item[2]
    if action.title:find('使规则B1成立', 1, true) then
      result.action = action.title
      return on_choice(item, index)
    end
  end
  on_choice(nil, nil)
end
vim.lsp.buf.code_action()
result.applied = vim.wait(30000, function() return vim.api.nvim_buf_get_changedtick(buffer) ~= before end, 100)
vim.cmd('write')
result.cleared = vim.wait(60000, function() return b1() == nil end, 100)
finish()
