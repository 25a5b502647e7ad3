import { Modal } from '@mantine/core';
import { useReleasesStore } from './releases-store';
import { useReleasesViewStore } from './releases-view-store';
import { ReleaseForm } from './ReleaseForm';

/** Plans a new release or edits one; Esc or the close button leaves without writing anything. */
export function ReleaseFormModal() {
  const target = useReleasesViewStore((s) => s.form);
  const closeForm = useReleasesViewStore((s) => s.closeForm);
  const release = useReleasesStore((s) => (target.mode === 'edit' ? s.releases.find((r) => r.id === target.releaseId) : undefined));
  const opened = target.mode !== 'closed';

  return (
    <Modal
      opened={opened}
      onClose={closeForm}
      title={release ? `Edit ${release.name} ${release.version}` : 'New release'}
      size="lg"
      // Above the detail drawer it is opened from.
      zIndex={300}
      styles={{ title: { fontWeight: 600 } }}
    >
      {opened && <ReleaseForm key={release?.id ?? 'new'} release={release} onDone={closeForm} />}
    </Modal>
  );
}
