import { defaultOptionsFilter, type ComboboxParsedItem, type OptionsFilter } from '@mantine/core';
import { SUGGESTED_SECTIONS, type StepView } from '../../../../electron/contract/runbook-entities';

/** The Section box's list: the runbook's sections in table order, then the suggestions it does not use yet. */
export function sectionOptions(steps: readonly Pick<StepView, 'section'>[]): string[] {
  return [...new Set([...steps.map((s) => s.section), ...SUGGESTED_SECTIONS])];
}

/**
 * Every section stays listed while the box holds one of them (a name already chosen is not a search: the box
 * offered only "Rollback" while it said "Rollback"); typing something else narrows the list as usual.
 */
export const everySectionWhileChosen: OptionsFilter = (input) => {
  const search = input.search.trim().toLowerCase();
  const chosen = input.options.some((o) => 'value' in o && o.value.toLowerCase() === search);
  // Mantine types its default filter for any primitive value; these options are strings.
  return chosen || search === '' ? input.options : (defaultOptionsFilter(input) as ComboboxParsedItem<string>[]);
};
