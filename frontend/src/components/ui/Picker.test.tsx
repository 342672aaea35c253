import { describe, expect, it, vi } from 'vitest';
import { useState } from 'react';
import { render, screen, waitFor } from '@testing-library/react';
import userEvent from '@testing-library/user-event';
import { MultiPicker, Picker, type PickerOption } from './Picker';

const EVENTS: PickerOption[] = [
  { id: 1, label: '고양 사회적경제 한마당', detail: '2015-10-17' },
  { id: 2, label: '한마당 가을 장터' },
  { id: 3, label: '협동조합 설명회' },
];

function searchEvents(text: string): Promise<PickerOption[]> {
  return Promise.resolve(EVENTS.filter((e) => e.label.includes(text)));
}

function One({ onChange, onSubmit }: { onChange?: (o: PickerOption | null) => void; onSubmit?: () => void }) {
  const [value, setValue] = useState<PickerOption | null>(null);
  return (
    <form
      onSubmit={(e) => {
        e.preventDefault();
        onSubmit?.();
      }}
    >
      <Picker
        label="행사"
        search={searchEvents}
        value={value}
        onChange={(o) => {
          setValue(o);
          onChange?.(o);
        }}
      />
      <button type="submit">저장</button>
    </form>
  );
}

describe('Picker', () => {
  it('is a labelled combobox: ↓/↑ move the active option, Enter picks it without submitting', async () => {
    const onChange = vi.fn();
    const onSubmit = vi.fn();
    render(<One onChange={onChange} onSubmit={onSubmit} />);
    const box = screen.getByRole('combobox', { name: '행사' });
    expect(box).toHaveAttribute('aria-expanded', 'false');
    await userEvent.type(box, '한마당');
    const list = await screen.findByRole('listbox', { name: '행사' });
    expect(box).toHaveAttribute('aria-expanded', 'true');
    expect(box).toHaveAttribute('aria-controls', list.id);
    // The results of the whole text, once the typing has settled.
    await waitFor(() => expect(screen.getAllByRole('option')).toHaveLength(2));
    await waitFor(() => expect(screen.getByRole('status')).toHaveTextContent('2'));
    expect(box).not.toHaveAttribute('aria-activedescendant');

    await userEvent.keyboard('{ArrowDown}');
    const first = screen.getByRole('option', { name: /고양 사회적경제 한마당/ });
    expect(box).toHaveAttribute('aria-activedescendant', first.id);
    expect(first).toHaveAttribute('aria-selected', 'true');
    await userEvent.keyboard('{ArrowDown}');
    expect(box).toHaveAttribute(
      'aria-activedescendant',
      screen.getByRole('option', { name: '한마당 가을 장터' }).id,
    );
    // Past the last option it wraps to the first; ↑ from the first goes to the last.
    await userEvent.keyboard('{ArrowDown}');
    expect(box).toHaveAttribute('aria-activedescendant', first.id);
    await userEvent.keyboard('{ArrowUp}');
    expect(box).toHaveAttribute(
      'aria-activedescendant',
      screen.getByRole('option', { name: '한마당 가을 장터' }).id,
    );

    await userEvent.keyboard('{Enter}');
    expect(onChange).toHaveBeenLastCalledWith(EVENTS[1]);
    expect(onSubmit).not.toHaveBeenCalled();
    expect(box).toHaveValue('한마당 가을 장터');
    expect(box).toHaveAttribute('aria-expanded', 'false');
    expect(screen.queryByRole('option')).toBeNull();
    expect(box).toHaveFocus();

    // Clearing the choice: a labelled button.
    await userEvent.click(screen.getByRole('button', { name: /한마당 가을 장터/ }));
    expect(onChange).toHaveBeenLastCalledWith(null);
    expect(box).toHaveValue('');
  });

  it('Escape closes the list, a second Escape clears the text; typing drops an earlier choice', async () => {
    const onChange = vi.fn();
    render(<One onChange={onChange} />);
    const box = screen.getByRole('combobox', { name: '행사' });
    await userEvent.type(box, '협동');
    await screen.findByRole('option', { name: '협동조합 설명회' });
    await userEvent.keyboard('{Escape}');
    expect(box).toHaveAttribute('aria-expanded', 'false');
    expect(box).toHaveValue('협동');
    await userEvent.keyboard('{Escape}');
    expect(box).toHaveValue('');

    // ↓ on a closed box opens the list (the first few, for an empty text) on its first option.
    await userEvent.keyboard('{ArrowDown}');
    await screen.findAllByRole('option');
    expect(screen.getAllByRole('option')).toHaveLength(3);
    await waitFor(() =>
      expect(box).toHaveAttribute('aria-activedescendant', screen.getAllByRole('option')[0]!.id),
    );
    await userEvent.click(screen.getByRole('option', { name: '협동조합 설명회' }));
    expect(onChange).toHaveBeenLastCalledWith(EVENTS[2]);
    await userEvent.type(box, 'x');
    expect(onChange).toHaveBeenLastCalledWith(null);
  });

  it('says so when nothing is found', async () => {
    render(<One />);
    await userEvent.type(screen.getByRole('combobox', { name: '행사' }), '없는 행사');
    await waitFor(() => expect(screen.getByRole('status')).toHaveTextContent('찾은 것이 없습니다.'));
    expect(screen.getByRole('combobox')).toHaveAttribute('aria-expanded', 'false');
  });
});

describe('MultiPicker', () => {
  it('adds picked options to a removable list and no longer offers them', async () => {
    function Many() {
      const [values, setValues] = useState<PickerOption[]>([EVENTS[0]!]);
      return <MultiPicker label="참여 조직" search={searchEvents} values={values} onChange={setValues} />;
    }
    render(<Many />);
    const box = screen.getByRole('combobox', { name: '참여 조직' });
    expect(screen.getByRole('list', { name: /참여 조직/ })).toHaveTextContent('고양 사회적경제 한마당');
    await userEvent.type(box, '한마당');
    await waitFor(() => expect(screen.getAllByRole('option')).toHaveLength(1));
    expect(screen.getByRole('option')).toHaveAccessibleName('한마당 가을 장터');
    await userEvent.keyboard('{ArrowDown}{Enter}');
    expect(box).toHaveValue('');
    expect(screen.getAllByRole('listitem')).toHaveLength(2);
    await userEvent.click(screen.getByRole('button', { name: /고양 사회적경제 한마당/ }));
    expect(screen.getAllByRole('listitem')).toHaveLength(1);
    expect(screen.getByRole('list', { name: /참여 조직/ })).toHaveTextContent('한마당 가을 장터');
  });
});
