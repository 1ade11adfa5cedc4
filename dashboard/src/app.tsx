import { Layout } from "./components/layout";
import { ImportsPage } from "./pages/imports";
import { NewOrderPage } from "./pages/new-order";
import { NotificationsPage } from "./pages/notifications";
import { OrderDetailPage } from "./pages/order-detail";
import { OrdersPage } from "./pages/orders";
import { OverviewPage } from "./pages/overview";
import { PaymentsPage } from "./pages/payments";
import { SettingsPage } from "./pages/settings";
import { ShipmentsPage } from "./pages/shipments";
import { SlipsPage } from "./pages/slips";
import { route } from "./state/router";

function Page() {
  const [first, second] = route.value.parts;
  if (first === "orders" && second === "new") return <NewOrderPage />;
  if (first === "orders" && second) return <OrderDetailPage id={second} />;
  if (first === "orders") return <OrdersPage />;
  if (first === "imports") return <ImportsPage />;
  if (first === "shipments") return <ShipmentsPage />;
  if (first === "slips") return <SlipsPage />;
  if (first === "payments") return <PaymentsPage />;
  if (first === "notifications") return <NotificationsPage />;
  if (first === "settings") return <SettingsPage />;
  return <OverviewPage />;
}

export function App() {
  return <Layout><Page /></Layout>;
}
