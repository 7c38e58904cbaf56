import type { Me } from '@lancar/contracts';
import { t } from '@lingui/core/macro';
import { useEffect } from 'preact/hooks';
import { ErrorBoundary, LocationProvider, lazy, Route, Router, useLocation } from 'preact-iso';
import { Layout } from './components/layout.tsx';
import { locale } from './i18n/i18n.ts';
import { loadHouseholdProfile } from './offline/household-profile.ts';
import { loadHousehold } from './offline/household-store.ts';
import { startSync } from './offline/sync-engine.ts';
import { ActivatePage } from './pages/activate.tsx';
import { HouseholdHome } from './pages/household/household-home.tsx';
import { LoginPage } from './pages/login.tsx';
import { SettingsPage } from './pages/settings.tsx';
import { me } from './session.ts';

// Staff, research and administration screens load only for those who use them; the phone app stays small.
const Caseload = lazy(() => import('./pages/midwife/caseload.tsx'));
const MotherPage = lazy(() => import('./pages/midwife/mother-page.tsx'));
const EnrolMother = lazy(() => import('./pages/midwife/enrol-mother.tsx'));
const TasksPage = lazy(() => import('./pages/midwife/tasks-page.tsx'));
const AdminHome = lazy(() => import('./pages/admin/admin-home.tsx'));
const AuditPage = lazy(() => import('./pages/admin/audit-page.tsx'));
const ResearchHome = lazy(() => import('./pages/research/research-home.tsx'));
const ReviewsPage = lazy(() => import('./pages/research/literature/reviews-page.tsx'));
const ReviewPage = lazy(() => import('./pages/research/literature/review-page.tsx'));
const StudiesPage = lazy(() => import('./pages/research/studies/studies-page.tsx'));
const StudyPage = lazy(() => import('./pages/research/studies/study-page.tsx'));
const ExportsPage = lazy(() => import('./pages/exports/exports-page.tsx'));
const SystemHome = lazy(() => import('./pages/system/system-home.tsx'));
const FacilityReportPage = lazy(() => import('./pages/reports/facility-report-page.tsx'));
const DistrictReportPage = lazy(() => import('./pages/reports/district-report-page.tsx'));
const MassageRoute = lazy(() => import('./household/massage/massage-route.tsx'));
const LogRoute = lazy(() => import('./household/log/log-route.tsx'));
const ChecklistPage = lazy(() => import('./household/checklist-page.tsx'));
const DangerReportPage = lazy(() => import('./household/danger-report-page.tsx'));
const ProgressPage = lazy(() => import('./household/progress-page.tsx'));
const SyncPage = lazy(() => import('./household/sync-page.tsx'));
const HistoryPage = lazy(() => import('./household/history-page.tsx'));
const TrainingRoute = lazy(() => import('./household/training/training-route.tsx'));
const StaffTrainingHome = lazy(() => import('./pages/training/training-home.tsx'));
const CompanionTrainingPage = lazy(() => import('./pages/training/companion-training-page.tsx'));
const TrainingSessionPage = lazy(() => import('./pages/training/session-page.tsx'));

const PUBLIC_PATHS = ['/masuk', '/aktivasi'];

function Home({ user }: { user: Me }) {
  switch (user.role) {
    case 'mother':
    case 'companion':
    case 'cadre':
      return <HouseholdHome user={user} />;
    case 'midwife':
      return <Caseload user={user} />;
    case 'facility_admin':
      return <AdminHome user={user} />;
    case 'researcher':
      return <ResearchHome />;
    case 'system_admin':
      return <SystemHome user={user} />;
  }
}

const HOUSEHOLD_ROLES = ['mother', 'companion', 'cadre'];

/**
 * For a household account: open this phone's copy of the records, fetch the household's profile, and start syncing.
 * Runs again only when another account logs in.
 */
function HouseholdBoot() {
  const user = me.value;
  const userId = user && HOUSEHOLD_ROLES.includes(user.role) ? user.userId : undefined;
  const motherIds = user?.householdMotherIds.join(',') ?? '';
  useEffect(() => {
    if (!userId || !user) return;
    void loadHousehold(userId);
    void loadHouseholdProfile(userId, user.householdMotherIds).catch(() => {});
    return startSync(userId);
  }, [userId, motherIds]);
  return null;
}

/** Sends a visitor who is not logged in to the login page, and a logged-in one away from it. */
function Guard() {
  const { path, route } = useLocation();
  const user = me.value;
  const isPublic = PUBLIC_PATHS.includes(path);
  useEffect(() => {
    if (user === null && !isPublic) route('/masuk', true);
    if (user && path === '/masuk') route('/', true);
  }, [user, path, isPublic, route]);
  return null;
}

function NotFound() {
  return (
    <section>
      <h1>{t`Halaman tidak ditemukan`}</h1>
      <p>
        <a href="/">{t`Kembali ke beranda`}</a>
      </p>
    </section>
  );
}

function Routes() {
  const user = me.value;
  if (user === undefined) return <p class="muted">{t`Memuat…`}</p>;
  if (user === null) {
    return (
      <Router>
        <Route path="/masuk" component={LoginPage} />
        <Route path="/aktivasi" component={ActivatePage} />
        <Route default component={() => null} />
      </Router>
    );
  }
  return (
    <Router>
      <Route path="/masuk" component={LoginPage} />
      <Route path="/aktivasi" component={ActivatePage} />
      <Route path="/" component={() => <Home user={user} />} />
      <Route path="/ibu" component={() => <Caseload user={user} />} />
      <Route path="/ibu-baru" component={EnrolMother} />
      <Route path="/tugas" component={() => <TasksPage user={user} />} />
      <Route path="/ibu/:id" component={({ id }: { id: string }) => <MotherPage user={user} id={id} />} />
      <Route path="/audit" component={AuditPage} />
      <Route path="/pengaturan" component={() => <SettingsPage user={user} />} />
      <Route path="/ekspor" component={() => <ExportsPage user={user} />} />
      <Route path="/tinjauan" component={ReviewsPage} />
      <Route path="/tinjauan/:id" component={({ id }: { id: string }) => <ReviewPage id={id} />} />
      <Route path="/studi" component={() => <StudiesPage user={user} />} />
      <Route path="/studi/:id" component={({ id }: { id: string }) => <StudyPage id={id} />} />
      <Route path="/pijat" component={() => <MassageRoute user={user} />} />
      <Route path="/catat/:kind" component={({ kind }: { kind: string }) => <LogRoute user={user} kind={kind} />} />
      <Route path="/ceklis" component={() => <ChecklistPage user={user} />} />
      <Route path="/tanda-bahaya" component={() => <DangerReportPage user={user} />} />
      <Route path="/perkembangan" component={() => <ProgressPage user={user} />} />
      <Route path="/kirim" component={() => <SyncPage user={user} />} />
      <Route path="/riwayat" component={() => <HistoryPage user={user} />} />
      <Route path="/belajar" component={() => <TrainingRoute user={user} view={{ kind: 'home' }} />} />
      <Route
        path="/belajar/tes/:phase"
        component={({ phase }: { phase: string }) => <TrainingRoute user={user} view={{ kind: 'test', phase }} />}
      />
      <Route
        path="/belajar/materi/:lessonId"
        component={({ lessonId }: { lessonId: string }) => (
          <TrainingRoute user={user} view={{ kind: 'lesson', lessonId }} />
        )}
      />
      <Route path="/laporan" component={() => <FacilityReportPage user={user} />} />
      <Route path="/laporan/kabupaten" component={DistrictReportPage} />
      <Route path="/pelatihan" component={() => <StaffTrainingHome user={user} />} />
      <Route
        path="/pelatihan/pendamping/:userId"
        component={({ userId }: { userId: string }) => <CompanionTrainingPage user={user} userId={userId} />}
      />
      <Route
        path="/pelatihan/sesi/:sessionId"
        component={({ sessionId }: { sessionId: string }) => <TrainingSessionPage user={user} sessionId={sessionId} />}
      />
      <Route default component={NotFound} />
    </Router>
  );
}

export function App() {
  // Until we know who is logged in (a few milliseconds, or the copy kept on the phone), draw nothing: drawing a
  // bare frame first and the banners and menu after would shift the page under the person's thumb.
  if (me.value === undefined) return null;
  return (
    <LocationProvider>
      <ErrorBoundary>
        {/* Re-render everything when the language changes: messages are looked up at render time. */}
        <Layout key={locale.value}>
          <Guard />
          <HouseholdBoot />
          <Routes />
        </Layout>
      </ErrorBoundary>
    </LocationProvider>
  );
}
