import { useMutation, useQueryClient } from '@tanstack/react-query';
import { api, unwrap, type Schemas } from '../../../lib/api-client';
import { getTokens, setTokens } from '../../../lib/auth';
import { changeLanguage } from '../../../lib/i18n';

export function useLogin() {
  const qc = useQueryClient();
  return useMutation({
    mutationFn: async (body: Schemas['TokenObtainInputRequest']) =>
      unwrap(await api.POST('/api/v1/auth/token/', { body })),
    onSuccess: async (pair) => {
      setTokens(pair);
      qc.clear();
      const me = await api.GET('/api/v1/auth/me/');
      const lang = me.data?.preferred_language;
      if (lang === 'en' || lang === 'ko') await changeLanguage(lang);
    },
  });
}

/** Registers an account (202 whether or not the address already had one); does not log in. */
export function useRegisterAccount() {
  return useMutation({
    mutationFn: async (body: Schemas['UserRegisterInputRequest']) =>
      unwrap(await api.POST('/api/v1/auth/register/', { body })),
  });
}

/** Revokes the refresh token on the server, then forgets the pair (even when offline). */
export async function logout(): Promise<void> {
  const tokens = getTokens();
  if (tokens) {
    try {
      await api.POST('/api/v1/auth/logout/', { body: { refresh: tokens.refresh } });
    } catch {
      /* forgotten locally anyway */
    }
  }
  setTokens(null);
}

export function useUpdateMe() {
  const qc = useQueryClient();
  return useMutation({
    mutationFn: async (body: Schemas['PatchedUserRequest']) =>
      unwrap(await api.PATCH('/api/v1/auth/me/', { body })),
    onSuccess: () => qc.invalidateQueries({ queryKey: ['accounts'] }),
  });
}

export function usePasswordReset() {
  return useMutation({
    mutationFn: async (body: Schemas['PasswordResetInputRequest']) =>
      unwrap(await api.POST('/api/v1/auth/password/reset/', { body })),
  });
}

export function usePasswordResetConfirm() {
  return useMutation({
    mutationFn: async (body: Schemas['PasswordResetConfirmInputRequest']) =>
      unwrap(await api.POST('/api/v1/auth/password/reset/confirm/', { body })),
  });
}

export function usePasswordChange() {
  return useMutation({
    mutationFn: async (body: Schemas['PasswordChangeInputRequest']) =>
      unwrap(await api.POST('/api/v1/auth/password/change/', { body })),
  });
}
