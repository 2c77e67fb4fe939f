import type { ReactNode } from 'react';
import { ActionBar, ProgressOverlay } from '../../src';
import { fileActions } from './actions';
import { files } from './data';

/** The space's uploaded files, each with its own overflow menu (Extract, Map). */
export function FilesList({ stallAfterMs }: { stallAfterMs: number | undefined }): ReactNode {
  const overlay = stallAfterMs === undefined ? {} : { stallAfterMs };
  return (
    <section className="pg-files" aria-labelledby="pg-files-title">
      <h2 id="pg-files-title">Files</h2>
      <ul aria-labelledby="pg-files-title">
        {files.map((file) => (
          <li key={file.id}>
            <ProgressOverlay source={file.id} {...overlay}>
              <div className="pg-file">
                <span className="pg-file-name">{file.name}</span>
                <ActionBar
                  label={`${file.name} actions`}
                  menuLabel={`Actions for ${file.name}`}
                  domain="file"
                  source={file.id}
                  actions={fileActions}
                />
                <span className="pg-muted">
                  {file.size} · uploaded {file.uploaded}
                </span>
              </div>
            </ProgressOverlay>
          </li>
        ))}
      </ul>
    </section>
  );
}
