import { describe, expect, it, vi } from 'vitest';
import { render, screen } from '@testing-library/react';
import userEvent from '@testing-library/user-event';
import { ApiError } from '../../lib/api-client';
import { CheckboxField, FormFooter, SelectField, TextField } from './Form';
import { CheckFilters, SelectFilter } from './Filters';

const problem = new ApiError({
  type: 't',
  title: '잘못된 요청',
  status: 400,
  detail: '요약',
  code: 'validation_error',
  errors: [
    { field: 'email', code: 'invalid', message: '이메일 형식이 아닙니다.' },
    { field: 'product_ids', code: 'invalid', message: '다른 조직의 제품입니다.' },
  ],
});

describe('form fields bound to API errors', () => {
  it("shows the API's message for its field next to the control and marks it invalid", async () => {
    const onChange = vi.fn();
    render(
      <form>
        <TextField label="이메일" name="email" error={problem} type="email" value="" onChange={onChange} />
        <TextField label="이름" name="display_name" error={problem} value="" onChange={onChange} />
        <FormFooter error={problem} pending={false} submitLabel="저장" />
      </form>,
    );
    const email = screen.getByLabelText('이메일');
    expect(email).toHaveAttribute('aria-invalid', 'true');
    expect(email).toHaveAccessibleDescription('이메일 형식이 아닙니다.');
    expect(screen.getByLabelText('이름')).not.toHaveAttribute('aria-invalid');
    // Field messages are not repeated at the bottom of the form.
    expect(screen.queryByRole('alert')).toBeNull();
    await userEvent.type(screen.getByLabelText('이름'), '가');
    expect(onChange).toHaveBeenLastCalledWith('가');
  });

  it('offers options with an empty first choice and reports the chosen value', async () => {
    const onChange = vi.fn();
    render(
      <SelectField
        label="조직"
        name="enterprise_id"
        value=""
        placeholder="—"
        onChange={onChange}
        options={[{ value: 'wecan-cookie', label: '위캔쿠키' }]}
      />,
    );
    await userEvent.selectOptions(screen.getByLabelText('조직'), '위캔쿠키');
    expect(onChange).toHaveBeenCalledWith('wecan-cookie');
  });

  it('lets no more than max boxes be ticked and shows the errors of the group', () => {
    render(
      <CheckboxField
        legend="제품"
        name="product_ids"
        error={problem}
        max={1}
        values={['1']}
        onChange={() => undefined}
        options={[
          { value: '1', label: '쿠키' },
          { value: '2', label: '커피' },
        ]}
      />,
    );
    const group = screen.getByRole('group', { name: '제품' });
    expect(group).toHaveAccessibleDescription('다른 조직의 제품입니다.');
    expect(screen.getByRole('checkbox', { name: '쿠키' })).toBeChecked();
    expect(screen.getByRole('checkbox', { name: '커피' })).toBeDisabled();
  });

  it('shows the success message and disables the button while pending', () => {
    render(<FormFooter error={null} pending success="저장했습니다" submitLabel="저장" />);
    expect(screen.getByRole('status')).toHaveTextContent('저장했습니다');
    expect(screen.getByRole('button', { name: '저장' })).toBeDisabled();
  });
});

describe('filter controls', () => {
  it('has an "all" choice and labelled checkboxes', async () => {
    const onSelect = vi.fn();
    const onCheck = vi.fn();
    render(
      <>
        <SelectFilter
          label="구"
          value=""
          onChange={onSelect}
          allLabel="전체"
          options={[{ value: 'ilsandong', label: '일산동구' }]}
        />
        <CheckFilters
          legend="추가 조건"
          items={[{ key: 'verified', label: '확인된 조직만', checked: false }]}
          onChange={onCheck}
        />
      </>,
    );
    expect(screen.getByRole('option', { name: '전체' })).toHaveValue('');
    await userEvent.selectOptions(screen.getByLabelText('구'), '일산동구');
    expect(onSelect).toHaveBeenCalledWith('ilsandong');
    await userEvent.click(screen.getByRole('checkbox', { name: '확인된 조직만' }));
    expect(onCheck).toHaveBeenCalledWith('verified', true);
  });
});
