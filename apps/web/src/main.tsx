import { QueryClientProvider } from "@tanstack/react-query";
import { StrictMode } from "react";
import { createRoot } from "react-dom/client";
import "@xyflow/react/dist/style.css";
import "./app/app.css";
import "./app/responsive.css";
import "./app/theme-dark.css";
import { App } from "./app/App";
import { SignInGate } from "./features/auth/components/SignInGate";
import { prefetchFirstScreen } from "./app/prefetch";
import { createQueryClient } from "./app/query-client";
import { installDiagramColors } from "./features/topology/diagram-colors";

installDiagramColors(document);
const queryClient = createQueryClient();
prefetchFirstScreen(queryClient, window.location);

createRoot(document.getElementById("root")!).render(
  <StrictMode>
    <QueryClientProvider client={queryClient}>
      <SignInGate>
        <App />
      </SignInGate>
    </QueryClientProvider>
  </StrictMode>,
);
