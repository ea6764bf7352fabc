;;; regr-lint-eglot.el --- regr-lint's language server in Eglot -*- lexical-binding: t -*-
;; Starts `regr-lint server' for Python buffers: findings as Flymake diagnostics while you type,
;; quick fixes, `# noqa' and fix-all through `eglot-code-actions', and the rule's documentation
;; (with its Verified evidence) on hover over a code in a `# noqa:' comment (ElDoc).
;;
;;   (load "/path/to/editors/regr-lint-eglot.el")
;;
;; Eglot is built into Emacs 29; on Emacs 28 install it first (M-x package-install RET eglot, or
;; Debian's elpa-eglot).  Eglot runs one server per major mode, so this replaces another Python
;; server (pylsp, pyright) in these buffers; drop the `add-hook' line to start it by hand with
;; M-x eglot.
(require 'eglot)

(defcustom regr-lint-eglot-command '("regr-lint" "server")
  "The command that starts regr-lint's language server."
  :type '(repeat string)
  :group 'eglot)

(add-to-list 'eglot-server-programs
             `((python-mode python-ts-mode) . ,(lambda (&rest _) regr-lint-eglot-command)))
(add-hook 'python-mode-hook #'eglot-ensure)
(when (fboundp 'python-ts-mode)
  (add-hook 'python-ts-mode-hook #'eglot-ensure))

(provide 'regr-lint-eglot)
;;; regr-lint-eglot.el ends here
