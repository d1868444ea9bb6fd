;;; Runs after the README's Emacs snippet (loaded as init.el): opens a report with a balance error, lets eglot
;;; start the language server, waits for Flymake to show rule B1 and writes where it shows it as JSON.
(require 'json)
(require 'seq)

(defun report-test-b1 ()
  (seq-find (lambda (d) (string-match-p "违反规则B1" (flymake-diagnostic-text d))) (flymake-diagnostics)))

(let ((result (list)) (diagnostic nil) (deadline (+ (float-time) 120)))
  (find-file (getenv "REPORT_FILE"))
  (push (cons 'mode (symbol-name major-mode)) result)
  ;; eglot-ensure connects from the command loop's post-command-hook, which batch mode does not run
  (run-hooks 'post-command-hook)
  (while (and (< (float-time) deadline) (not diagnostic))
    (accept-process-output nil 0.2)
    (setq diagnostic (report-test-b1)))
  (push (cons 'managed (if (eglot-current-server) t :json-false)) result)
  (when diagnostic
    (let ((beg (flymake-diagnostic-beg diagnostic)) (end (flymake-diagnostic-end diagnostic)))
      (save-excursion
        (goto-char beg)
        (push (cons 'line (line-number-at-pos beg)) result)
        (push (cons 'start (- beg (line-beginning-position))) result)
        (push (cons 'end (- end (line-beginning-position))) result))
      (push (cons 'text (buffer-substring-no-properties beg end)) result)
      (push (cons 'message (flymake-diagnostic-text diagnostic)) result)
      (push (cons 'type (symbol-name (flymake-diagnostic-type diagnostic))) result)))
  (with-temp-file (getenv "RESULT_FILE")
    (set-buffer-file-coding-system 'utf-8)
    (insert (json-encode result)))
  (when (eglot-current-server)
    (eglot-shutdown (eglot-current-server)))
  (kill-emacs 0))
