import { describe, expect, it } from 'vitest';
import { render, screen } from '@testing-library/react';
import { ApiError } from '../../lib/api-client';
import { FormError } from './States';

const problem = (errors: { field: string | null; code: string; message: string }[]) =>
  new ApiError({
    type: 't',
    title: '잘못된 요청',
    status: 400,
    detail: '요약',
    code: 'validation_error',
    errors,
  });

describe('FormError', () => {
  it('leaves field messages to the fields', () => {
    const { container } = render(
      <FormError error={problem([{ field: 'email', code: 'invalid', message: '이메일 오류' }])} withFields />,
    );
    expect(container).toBeEmptyDOMElement();
  });

  it('shows messages that belong to no field', () => {
    render(
      <FormError
        error={problem([
          { field: 'email', code: 'invalid', message: '이메일 오류' },
          { field: null, code: 'x', message: '전체 오류' },
        ])}
        withFields
      />,
    );
    expect(screen.getByRole('alert')).toHaveTextContent('전체 오류');
    expect(screen.getByRole('alert')).not.toHaveTextContent('이메일 오류');
  });

  it('shows the detail of a problem without field errors, and a generic text for other errors', () => {
    const { rerender } = render(<FormError error={problem([])} withFields />);
    expect(screen.getByRole('alert')).toHaveTextContent('요약');
    rerender(<FormError error={new TypeError('fetch failed')} />);
    expect(screen.getByRole('alert')).toHaveTextContent('불러오지 못했습니다');
  });
});
