/**
 * `#/events/:id`: one merged event (GET /api/events/:id) with every report's cleaned text
 * (GET /api/documents/:documentId) and the evidence sentences marked in it.
 */

import type { ComponentChildren } from 'preact';
import { useEffect, useRef } from 'preact/hooks';
import { api, type MergedEvent, type StoredDocument } from '../api.ts';
import { useI18n } from '../i18n.ts';
import { Async, OrgLink, Section, SeverityBadge, useApi } from '../ui.tsx';

type Span = { start: number; end: number };

/**
 * Where each evidence sentence is in the text: at its offsets when the text there is the sentence,
 * otherwise where the sentence first occurs; overlapping spans merged.
 */
export function locateEvidence(
  text: string,
  evidence: readonly { start: number; end: number; text: string }[],
) {
  const spans: Span[] = [];
  let missing = 0;
  for (const item of evidence) {
    const valid =
      Number.isInteger(item.start) &&
      Number.isInteger(item.end) &&
      item.start >= 0 &&
      item.end <= text.length;
    if (valid && item.end > item.start && (!item.text || text.slice(item.start, item.end) === item.text)) {
      spans.push({ start: item.start, end: item.end });
      continue;
    }
    const at = item.text ? text.indexOf(item.text) : -1;
    if (at >= 0) spans.push({ start: at, end: at + item.text.length });
    else missing += 1;
  }
  spans.sort((a, b) => a.start - b.start || a.end - b.end);
  const merged: Span[] = [];
  for (const span of spans) {
    const last = merged[merged.length - 1];
    if (last && span.start < last.end) last.end = Math.max(last.end, span.end);
    else merged.push({ ...span });
  }
  return { spans: merged, missing };
}

function Highlighted({ text, spans }: { text: string; spans: Span[] }) {
  const parts: ComponentChildren[] = [];
  let at = 0;
  for (const span of spans) {
    if (span.start > at) parts.push(text.slice(at, span.start));
    parts.push(
      <mark class="evidence" key={span.start}>
        {text.slice(span.start, span.end)}
      </mark>,
    );
    at = span.end;
  }
  if (at < text.length) parts.push(text.slice(at));
  return <>{parts}</>;
}

function ArticleText({
  document,
  evidence,
}: {
  document: StoredDocument;
  evidence: MergedEvent['evidence'];
}) {
  const { t } = useI18n();
  const box = useRef<HTMLDivElement>(null);
  const text = document.cleanText ?? '';
  const { spans, missing } = locateEvidence(text, evidence);
  // Scroll the text box (not the page) to the first evidence sentence.
  useEffect(() => {
    const container = box.current;
    const mark = container?.querySelector('mark.evidence');
    if (container && mark instanceof HTMLElement) {
      container.scrollTop = Math.max(0, mark.offsetTop - container.offsetTop - 24);
    }
  }, []);
  return (
    <>
      {missing > 0 && <p class="warning">{t('evidenceNotFound')}</p>}
      <div class="article" ref={box} lang="zh" title={t('articleText')}>
        <Highlighted text={text} spans={spans} />
      </div>
    </>
  );
}

function Report({ report, event }: { report: MergedEvent['reports'][number]; event: MergedEvent }) {
  const { t } = useI18n();
  const document = useApi(api.documents[':id'], {
    param: { id: encodeURIComponent(String(report.documentId)) },
  });
  const evidence = (event.evidence ?? []).filter((item) => item.documentId === report.documentId);
  const uri = document.data?.uri ?? report.uri;
  const link = uri && /^https?:\/\//i.test(uri) ? uri : null;
  return (
    <article class="report" data-document={report.documentId}>
      <h3 id={`report-${report.documentId}`}>
        {document.data?.title ?? report.title ?? `#${report.documentId}`}
      </h3>
      <p class="meta">
        {document.data?.published && (
          <span>
            {t('published')} {document.data.published}
          </span>
        )}
        {link ? (
          <a href={link} target="_blank" rel="noopener noreferrer">
            {t('openSource')}
          </a>
        ) : (
          uri && <span class="uri">{uri}</span>
        )}
        {(document.data?.removed?.length ?? 0) > 0 && (
          <span class="muted">{t('removedParts', { n: document.data?.removed.length ?? 0 })}</span>
        )}
      </p>
      {evidence.length > 0 && (
        <ul class="evidence-list">
          {evidence.map((item) => (
            <li key={`${item.start}-${item.end}`}>{item.text}</li>
          ))}
        </ul>
      )}
      <Async state={document}>{(data) => <ArticleText document={data} evidence={evidence} />}</Async>
    </article>
  );
}

export function EventPage({ id }: { id: string }) {
  const { t, eventType, role } = useI18n();
  const event = useApi(api.events[':id'], { param: { id: encodeURIComponent(id) } });
  return (
    <div data-page="event">
      <h1 id="event-title">
        {event.data ? eventType(event.data.type) : `${t('eventTitle')} #${id}`}{' '}
        <SeverityBadge severity={event.data?.severity ?? null} />
      </h1>
      <Async state={event}>
        {(data) => {
          // One report per document: a document can report the event more than once.
          const reports = [
            ...new Map((data.reports ?? []).map((report) => [report.documentId, report])).values(),
          ];
          return (
            <>
              <dl class="facts">
                <dt>{t('type')}</dt>
                <dd data-field="type">{eventType(data.type)}</dd>
                <dt>{t('date')}</dt>
                <dd data-field="date">{data.date ?? '—'}</dd>
                <dt>{t('location')}</dt>
                <dd data-field="location">{data.location ?? '—'}</dd>
                <dt>{t('parties')}</dt>
                <dd data-field="parties">
                  {(data.parties ?? []).length === 0
                    ? '—'
                    : data.parties.map((party, index) => (
                        <span key={party.id}>
                          {index > 0 && '、'}
                          <OrgLink id={party.id} name={party.name} />
                        </span>
                      ))}
                </dd>
                {(data.domains ?? []).length > 0 && (
                  <>
                    <dt>{t('domains')}</dt>
                    <dd>{data.domains.join('、')}</dd>
                  </>
                )}
              </dl>
              <Section id="event-people" title={t('peopleRoles')}>
                {(data.people ?? []).length === 0 ? (
                  <p class="muted">{t('none')}</p>
                ) : (
                  <table>
                    <thead>
                      <tr>
                        <th>{t('people')}</th>
                        <th>{t('title')}</th>
                        <th>{t('role')}</th>
                      </tr>
                    </thead>
                    <tbody>
                      {data.people.map((person) => (
                        <tr key={`${person.id}-${person.role}`}>
                          <td>
                            <OrgLink id={person.id} name={person.name} />
                          </td>
                          <td>{person.title ?? '—'}</td>
                          <td>{role(person.role)}</td>
                        </tr>
                      ))}
                    </tbody>
                  </table>
                )}
              </Section>
              <Section id="event-sources" title={`${t('sources')} (${reports.length})`}>
                {reports.length === 0 ? (
                  <p class="muted">{t('none')}</p>
                ) : (
                  reports.map((report) => <Report key={report.documentId} report={report} event={data} />)
                )}
              </Section>
            </>
          );
        }}
      </Async>
    </div>
  );
}
