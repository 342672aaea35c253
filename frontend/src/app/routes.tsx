import { lazy, Suspense } from 'react';
import { Route, Routes } from 'react-router';
import { Layout } from './Layout';
import { HomePage } from './HomePage';
import { NotFoundPage, RequireLogin } from './guards';
import { Loading } from '../components/ui/States';
import { EventPage } from '../features/events/components/EventPage';
import { EnterprisePage } from '../features/enterprises/components/EnterprisePage';
import { DirectoryPage } from '../features/enterprises/components/DirectoryPage';

// The pages people land on from search engines and shared links (home, directory, organisation,
// event) are in the entry chunk; every other page is its own chunk, loaded when visited.
const ProductsPage = lazy(() =>
  import('../features/enterprises/components/ProductsPage').then((m) => ({ default: m.ProductsPage })),
);
const ProductPage = lazy(() =>
  import('../features/enterprises/components/ProductPage').then((m) => ({ default: m.ProductPage })),
);
const ManagePage = lazy(() =>
  import('../features/enterprises/components/ManagePage').then((m) => ({ default: m.ManagePage })),
);
const NewEnterprisePage = lazy(() =>
  import('../features/enterprises/components/ManagePage').then((m) => ({ default: m.NewEnterprisePage })),
);
const MyOrganisationsPage = lazy(() =>
  import('../features/enterprises/components/MyOrganisationsPage').then((m) => ({
    default: m.MyOrganisationsPage,
  })),
);
const EventsPage = lazy(() =>
  import('../features/events/components/EventsPage').then((m) => ({ default: m.EventsPage })),
);
const HostEventPage = lazy(() =>
  import('../features/events/components/HostEventPage').then((m) => ({ default: m.HostEventPage })),
);
const AttendeesPage = lazy(() =>
  import('../features/events/components/AttendeesPage').then((m) => ({ default: m.AttendeesPage })),
);
const ResolutionsPage = lazy(() =>
  import('../features/resolutions/components/ResolutionsPage').then((m) => ({ default: m.ResolutionsPage })),
);
const ResolutionPage = lazy(() =>
  import('../features/resolutions/components/ResolutionPage').then((m) => ({ default: m.ResolutionPage })),
);
const MeetingsPage = lazy(() =>
  import('../features/resolutions/components/MeetingsPage').then((m) => ({ default: m.MeetingsPage })),
);
const MeetingPage = lazy(() =>
  import('../features/resolutions/components/MeetingPage').then((m) => ({ default: m.MeetingPage })),
);
const OverduePage = lazy(() =>
  import('../features/resolutions/components/OverduePage').then((m) => ({ default: m.OverduePage })),
);
const PromisesPage = lazy(() =>
  import('../features/resolutions/components/PromisesPage').then((m) => ({ default: m.PromisesPage })),
);
const NewResolutionPage = lazy(() =>
  import('../features/resolutions/components/Forms').then((m) => ({ default: m.NewResolutionPage })),
);
const FromCollaborationPage = lazy(() =>
  import('../features/resolutions/components/Forms').then((m) => ({ default: m.FromCollaborationPage })),
);
const NewMeetingPage = lazy(() =>
  import('../features/resolutions/components/Forms').then((m) => ({ default: m.NewMeetingPage })),
);
const EditResolutionPage = lazy(() =>
  import('../features/resolutions/components/Forms').then((m) => ({ default: m.EditResolutionPage })),
);
const EditMeetingPage = lazy(() =>
  import('../features/resolutions/components/Forms').then((m) => ({ default: m.EditMeetingPage })),
);
const ServedResolutions = lazy(() =>
  import('../features/resolutions/components/ServedResolutions').then((m) => ({
    default: m.ServedResolutions,
  })),
);
const BoardPage = lazy(() =>
  import('../features/board/components/BoardPage').then((m) => ({ default: m.BoardPage })),
);
const PostPage = lazy(() =>
  import('../features/board/components/PostPage').then((m) => ({ default: m.PostPage })),
);
const ComposePage = lazy(() =>
  import('../features/board/components/ComposePage').then((m) => ({ default: m.ComposePage })),
);
const CampaignsPage = lazy(() =>
  import('../features/board/components/CampaignPages').then((m) => ({ default: m.CampaignsPage })),
);
const CampaignPage = lazy(() =>
  import('../features/board/components/CampaignPages').then((m) => ({ default: m.CampaignPage })),
);
const ModerationPage = lazy(() =>
  import('../features/board/components/ModerationPage').then((m) => ({ default: m.ModerationPage })),
);
const LoginPage = lazy(() =>
  import('../features/accounts/components/LoginPage').then((m) => ({ default: m.LoginPage })),
);
const RegisterPage = lazy(() =>
  import('../features/accounts/components/RegisterPage').then((m) => ({ default: m.RegisterPage })),
);
const ResetPasswordPage = lazy(() =>
  import('../features/accounts/components/ResetPasswordPage').then((m) => ({ default: m.ResetPasswordPage })),
);
const AccountPage = lazy(() =>
  import('../features/accounts/components/AccountPage').then((m) => ({ default: m.AccountPage })),
);
const NotificationsPage = lazy(() =>
  import('../features/notifications/components/NotificationsPage').then((m) => ({
    default: m.NotificationsPage,
  })),
);
const BudgetPage = lazy(() =>
  import('../features/budget/components/BudgetPage').then((m) => ({ default: m.BudgetPage })),
);
const BudgetItemPage = lazy(() =>
  import('../features/budget/components/BudgetItemPage').then((m) => ({ default: m.BudgetItemPage })),
);
const SupportReceived = lazy(() =>
  import('../features/budget/components/SupportReceived').then((m) => ({ default: m.SupportReceived })),
);

/** The organisation's page with the support it received, served by the budget (composed here:
 * features never import each other). */
function supportReceived(slug: string) {
  return (
    <Suspense fallback={<Loading />}>
      <SupportReceived slug={slug} />
    </Suspense>
  );
}

/** The resolutions an event or a budget item carries out, served by the resolutions (composed here
 * like the support received above). */
function servedResolutions(kind: 'event' | 'budget_item') {
  return function served(id: number) {
    return (
      <Suspense fallback={null}>
        <ServedResolutions kind={kind} id={id} />
      </Suspense>
    );
  };
}
const resolutionsOfEvent = servedResolutions('event');
const CollaborationResolutions = lazy(() =>
  import('../features/resolutions/components/ServedResolutions').then((m) => ({
    default: m.CollaborationResolutions,
  })),
);
/** A matched post's collaboration: the resolutions it carries out, and (coordinators) recording it as one. */
function resolutionsOfCollaboration(id: number) {
  return (
    <Suspense fallback={null}>
      <CollaborationResolutions id={id} />
    </Suspense>
  );
}
const resolutionsOfBudgetItem = servedResolutions('budget_item');

const CoordinatorPage = lazy(() =>
  import('../features/coordinator/components/CoordinatorPage').then((m) => ({ default: m.CoordinatorPage })),
);

export function AppRoutes() {
  return (
    <Routes>
      <Route element={<Layout />}>
        <Route index element={<HomePage />} />
        <Route
          path="*"
          element={
            <Suspense fallback={<Loading />}>
              <LazyRoutes />
            </Suspense>
          }
        />
      </Route>
    </Routes>
  );
}

function LazyRoutes() {
  return (
    <Routes>
      <Route path="enterprises" element={<DirectoryPage />} />
      <Route path="enterprises/:slug" element={<EnterprisePage extra={supportReceived} />} />
      <Route path="products" element={<ProductsPage />} />
      <Route path="products/:id" element={<ProductPage />} />
      <Route path="events" element={<EventsPage />} />
      <Route path="events/:id" element={<EventPage extra={resolutionsOfEvent} />} />
      <Route path="budget" element={<BudgetPage />} />
      <Route path="budget/items/:id" element={<BudgetItemPage extra={resolutionsOfBudgetItem} />} />
      <Route path="resolutions" element={<ResolutionsPage />} />
      <Route path="resolutions/meetings" element={<MeetingsPage />} />
      <Route path="resolutions/meetings/:id" element={<MeetingPage />} />
      <Route path="resolutions/overdue" element={<OverduePage />} />
      <Route path="resolutions/promises" element={<PromisesPage />} />
      <Route path="resolutions/:id" element={<ResolutionPage />} />
      <Route path="board" element={<BoardPage />} />
      <Route path="board/:id" element={<PostPage collaborationExtra={resolutionsOfCollaboration} />} />
      <Route path="campaigns" element={<CampaignsPage />} />
      <Route path="campaigns/:id" element={<CampaignPage />} />
      <Route path="login" element={<LoginPage />} />
      <Route path="register" element={<RegisterPage />} />
      <Route path="reset-password" element={<ResetPasswordPage />} />
      <Route element={<RequireLogin />}>
        <Route path="account" element={<AccountPage />} />
        <Route path="notifications" element={<NotificationsPage />} />
        <Route path="my" element={<MyOrganisationsPage />} />
        <Route path="my/enterprises/new" element={<NewEnterprisePage />} />
        <Route path="my/enterprises/:slug" element={<ManagePage />} />
        <Route path="my/events/new" element={<HostEventPage />} />
        <Route path="my/events/:id/attendees" element={<AttendeesPage />} />
        <Route path="coordinator/*" element={<CoordinatorPage />} />
        <Route path="resolutions/new" element={<NewResolutionPage />} />
        <Route path="resolutions/from-collaboration" element={<FromCollaborationPage />} />
        <Route path="resolutions/meetings/new" element={<NewMeetingPage />} />
        <Route path="resolutions/:id/edit" element={<EditResolutionPage />} />
        <Route path="resolutions/meetings/:id/edit" element={<EditMeetingPage />} />
        <Route path="board/new" element={<ComposePage />} />
        <Route path="moderation" element={<ModerationPage />} />
      </Route>
      <Route path="*" element={<NotFoundPage />} />
    </Routes>
  );
}
