// The live feed (SignalR /hubs/live): positions and alerts of the officer's jurisdiction, pushed by the server.
import { HubConnection, HubConnectionBuilder, HubConnectionState, LogLevel } from "@microsoft/signalr";
import { session } from "../shared/api";
import type { LiveAlert, LivePosition } from "../shared/types";

type Listener<T> = (value: T) => void;

class LiveFeed {
  private connection: HubConnection | null = null;
  private readonly positions = new Set<Listener<LivePosition>>();
  private readonly alerts = new Set<Listener<LiveAlert>>();
  private readonly states = new Set<Listener<boolean>>();

  connected = false;

  async start(): Promise<void> {
    if (this.connection) return;
    const connection = new HubConnectionBuilder()
      .withUrl("/hubs/live", { accessTokenFactory: () => session.token ?? "" })
      .withAutomaticReconnect()
      .configureLogging(LogLevel.Warning)
      .build();
    connection.on("position", (p: LivePosition) => this.positions.forEach(l => l(p)));
    // The feed names rule, severity and state as the REST API does ("critical").
    connection.on("alert", (a: LiveAlert) => this.alerts.forEach(l => l(a)));
    connection.on("subscribed", () => this.setState(true));
    connection.onreconnecting(() => this.setState(false));
    connection.onclose(() => this.setState(false));
    this.connection = connection;
    try {
      await connection.start();
    } catch {
      this.setState(false);
    }
  }

  async stop(): Promise<void> {
    if (this.connection && this.connection.state !== HubConnectionState.Disconnected) await this.connection.stop();
    this.connection = null;
  }

  onPosition(listener: Listener<LivePosition>): () => void { this.positions.add(listener); return () => this.positions.delete(listener); }
  onAlert(listener: Listener<LiveAlert>): () => void { this.alerts.add(listener); return () => this.alerts.delete(listener); }
  onState(listener: Listener<boolean>): () => void { this.states.add(listener); return () => this.states.delete(listener); }

  private setState(connected: boolean) {
    this.connected = connected;
    this.states.forEach(l => l(connected));
  }
}

export const live = new LiveFeed();
