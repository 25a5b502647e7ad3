import { IconShieldCheck } from '@tabler/icons-react';
import { FeaturePlaceholder } from '../../shared/FeaturePlaceholder';

export function ReadinessPage() {
  return (
    <FeaturePlaceholder
      title="Readiness"
      icon={<IconShieldCheck size={32} />}
      summary="Presumptive release: each release goes unless an empowered role halts it."
      coming={[
        'Product, Organization, Security and Operation readiness per release',
        'Assert or halt a state (only its empowered role may), with a comment and waived issues',
        'Checklists ticked by a person at a time, with evidence',
        'A back-trace of every assertion, halt, withdrawal and waiver',
      ]}
      meanwhile="give the product owner, release coordinator, security architect and operations coordinator their roles in Settings › People."
    />
  );
}
