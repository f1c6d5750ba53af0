/**
 * The page's link: a button that copies it, what it carries, a note when
 * the question is too long for it, and the values the opening link held
 * that could not be used (a link is never rewritten silently).
 */
import { useState } from 'react';
import { useLinkStore } from '../../store/linkStore';
import { useSolveStore } from '../../store/solveStore';
import { MAX_LINK_QUESTION } from '../../store/urlState';

export function LinkBar() {
  const { ignored, dismiss } = useLinkStore();
  const question = useSolveStore((s) => s.question);
  const [copied, setCopied] = useState<'yes' | 'refused' | undefined>();
  const tooLong = question.length > MAX_LINK_QUESTION;

  const copy = async () => {
    try {
      await navigator.clipboard.writeText(location.href);
      setCopied('yes');
    } catch {
      setCopied('refused');
    }
  };

  return (
    <div className="link-bar">
      <div className="buttons">
        <button type="button" onClick={() => void copy()}>
          Copy link
        </button>
        <span className="meta">The link opens this model, its pruned heads, the generated problem set and the question.</span>
      </div>
      {copied === 'yes' && (
        <p role="status" data-testid="link-copied">
          Link copied{tooLong ? ', without the question' : ''}.
        </p>
      )}
      {copied === 'refused' && (
        <p role="status" data-testid="link-copied">
          This browser did not allow copying: select the address bar and copy it from there.
        </p>
      )}
      {tooLong && (
        <p className="meta" data-testid="link-question-too-long">
          The question is {question.length} characters, more than a link carries ({MAX_LINK_QUESTION}): the link leaves it out, so paste it
          separately.
        </p>
      )}
      {ignored.length > 0 && (
        <div role="status" className="warning" data-testid="link-ignored">
          This link held values that could not be used, so the page opened without them:
          <ul>
            {ignored.map((i) => (
              <li key={i}>{i}</li>
            ))}
          </ul>
          <button type="button" onClick={dismiss}>
            Dismiss
          </button>
        </div>
      )}
    </div>
  );
}
