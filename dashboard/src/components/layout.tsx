import type { ComponentChildren } from "preact";
import type { Service } from "../api/client";
import { health, healthText, lowDisk, serviceNames } from "../state/health";
import { route } from "../state/router";
import { toasts } from "../state/toasts";
import { DiskLow, OriginRefused, ServiceDown } from "./status";

const links = [
  ["#/", "概要", ""], ["#/orders", "注文", "orders"], ["#/imports", "一括取り込み", "imports"], ["#/shipments", "一括発送", "shipments"], ["#/payments", "決済", "payments"], ["#/notifications", "通知", "notifications"], ["#/settings", "設定", "settings"],
] as const;

export function Layout({ children }: { children: ComponentChildren }) {
  const current = route.value.parts[0] ?? "";
  const services = Object.keys(health) as Service[];
  const down = services.filter((service) => health[service].value === "down");
  return (
    <div class="shell">
      <header>
        <h1>注文管理</h1>
        <nav aria-label="メイン">
          {links.map(([href, label, key]) => <a href={href} aria-current={current === key ? "page" : undefined}>{label}</a>)}
        </nav>
        <ul class="health" aria-label="サービスの状態">
          {services.map((service) => (
            <li data-service={service} data-health={health[service].value} data-disk-low={lowDisk[service].value ? "" : undefined}>
              {serviceNames[service]}：{healthText(service)}
            </li>
          ))}
        </ul>
      </header>
      {down.map((service) => <ServiceDown service={service} />)}
      {services.filter((service) => health[service].value === "up").map((service) => <DiskLow service={service} />)}
      <OriginRefused services={services.filter((service) => health[service].value === "refused")} />
      <main>{children}</main>
      <div class="toasts" aria-live="polite">
        {toasts.value.map((toast) => <div class={`toast ${toast.kind}`} role={toast.kind === "error" ? "alert" : "status"}>{toast.text}</div>)}
      </div>
    </div>
  );
}
