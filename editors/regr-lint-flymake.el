;;; regr-lint-flymake.el --- regr-lint as a Flymake backend -*- lexical-binding: t -*-
;; Lints the buffer's current text (saved or not) through `regr-lint check --stdin-filename`.
(require 'flymake)

(defconst regr-lint-flymake--line
  "^\\(.*?\\):\\([0-9]+\\):\\([0-9]+\\): \\([A-Z]+[0-9]+\\) \\(.*\\)$")

(defun regr-lint-flymake (report-fn &rest _args)
  "Flymake backend running regr-lint on the current buffer."
  (let* ((source (current-buffer))
         (name (or (buffer-file-name) (buffer-name)))
         (out (generate-new-buffer " *regr-lint*"))
         diags)
    (unwind-protect
        (progn
          (save-restriction
            (widen)
            (call-process-region (point-min) (point-max) "regr-lint" nil (list out nil) nil
                                 "check" "--exit-zero" "--stdin-filename" name))
          (with-current-buffer out
            (goto-char (point-min))
            (while (re-search-forward regr-lint-flymake--line nil t)
              (let* ((line (string-to-number (match-string 2)))
                     (col (string-to-number (match-string 3)))
                     (code (match-string 4))
                     (msg (match-string 5))
                     (region (flymake-diag-region source line col)))
                ;; a rule whose severity is warning says so first: "RL302 (warning) ..."
                (push (flymake-make-diagnostic source (car region) (cdr region)
                                               (if (string-prefix-p "(warning)" msg) :warning :error)
                                               (format "%s %s" code msg))
                      diags)))))
      (kill-buffer out))
    (funcall report-fn (nreverse diags))))

(defun regr-lint-flymake-setup ()
  (add-hook 'flymake-diagnostic-functions #'regr-lint-flymake nil t)
  (flymake-mode 1))

(add-hook 'python-mode-hook #'regr-lint-flymake-setup)
(provide 'regr-lint-flymake)
