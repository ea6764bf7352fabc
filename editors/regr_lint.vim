" regr-lint in Vim / Neovim without plugins: lint the buffer (unsaved text included) through stdin
" and load the findings into the quickfix list (`:copen` shows them, `:cfirst` goes to the first).
" Neovim users who want findings as they type, quick fixes and hover: editors/regr_lint.lua.
function! RegrLint() abort
  let l:out = system('regr-lint check --exit-zero --stdin-filename ' . shellescape(expand('%')) . ' 2>/dev/null', getline(1, '$'))
  let &l:errorformat = '%f:%l:%c: %m'
  " cgetexpr, not cexpr: fill the list without jumping to the first finding (the cursor stays put
  " on every save)
  cgetexpr l:out
endfunction
command! RegrLint call RegrLint()
autocmd BufWritePost *.py RegrLint
