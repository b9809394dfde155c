import { useState, type DragEvent } from 'react';
import type { Translate } from '@/lib/i18n/translate';

/** Where files are picked or dropped, and how many are being read. */
export function DropZone({ t, reading, onAddFiles }: { t: Translate; reading: number; onAddFiles: (files: File[]) => void }) {
  const [dragging, setDragging] = useState(false);

  function drop(event: DragEvent<HTMLElement>) {
    event.preventDefault();
    setDragging(false);
    const list = Array.from(event.dataTransfer.files);
    if (list.length) onAddFiles(list);
  }

  return (
    <section
      className={`drop-zone${dragging ? ' dragging' : ''}`}
      data-testid="drop-zone"
      onDragEnter={(event) => {
        event.preventDefault();
        setDragging(true);
      }}
      onDragOver={(event) => {
        event.preventDefault();
        event.dataTransfer.dropEffect = 'copy';
      }}
      onDragLeave={(event) => {
        if (!event.currentTarget.contains(event.relatedTarget as Node | null)) setDragging(false);
      }}
      onDrop={drop}
    >
      <label className="pick">
        <span className="pick-button">{t('consolidate.pick')}</span>
        <input
          type="file"
          multiple
          accept=".csv,text/csv,.xlsx,application/vnd.openxmlformats-officedocument.spreadsheetml.sheet"
          data-testid="consolidate-files"
          onChange={(event) => {
            const list = Array.from(event.target.files ?? []);
            event.target.value = '';
            if (list.length) onAddFiles(list);
          }}
        />
      </label>
      <span className="drop-text">{dragging ? t('consolidate.dropActive') : t('consolidate.drop')}</span>
      {reading > 0 && (
        <p className="hint" role="status" data-testid="consolidate-reading">
          {t('consolidate.reading', { count: reading })}
        </p>
      )}
    </section>
  );
}
