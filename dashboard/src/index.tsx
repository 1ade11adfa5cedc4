import { render } from "preact";
import { App } from "./app";
import { startHealthPolling } from "./state/health-poll";
import "./styles.css";

startHealthPolling();
render(<App />, document.getElementById("app")!);
