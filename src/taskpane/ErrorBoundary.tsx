/** Catches render errors of a section and shows a Russian message instead of a blank pane or a stack trace. */
import { Button, MessageBar, MessageBarBody, MessageBarTitle } from "@fluentui/react-components";
import React from "react";
import { isChunkLoadError } from "./lazy-module";
import { common } from "./strings";

interface ErrorBoundaryProps {
  children: React.ReactNode;
  /** Changing this key (e.g. the selected section) clears the error. */
  resetKey?: string;
}

interface ErrorBoundaryState {
  failed: boolean;
  /** The section's code could not be fetched from the add-in's server. */
  notLoaded?: boolean;
  resetKey: string | undefined;
}

export class ErrorBoundary extends React.Component<ErrorBoundaryProps, ErrorBoundaryState> {
  override state: ErrorBoundaryState = { failed: false, resetKey: this.props.resetKey };

  static getDerivedStateFromError(error: unknown): Partial<ErrorBoundaryState> {
    return { failed: true, notLoaded: isChunkLoadError(error) };
  }

  static getDerivedStateFromProps(props: ErrorBoundaryProps, state: ErrorBoundaryState): Partial<ErrorBoundaryState> | null {
    return props.resetKey !== state.resetKey ? { failed: false, resetKey: props.resetKey } : null;
  }

  override componentDidCatch(error: unknown): void {
    // Kept for developers in the browser console; the user sees only the Russian message.
    console.error("Ошибка в панели надстройки:", error);
  }

  override render() {
    if (!this.state.failed) return this.props.children;
    return (
      <MessageBar intent="error" layout="multiline" role="alert">
        <MessageBarBody>
          <MessageBarTitle>{common.errorBoundaryTitle}</MessageBarTitle>
          {this.state.notLoaded ? common.sectionLoadFailed : common.errorBoundaryText}
          <div>
            <Button size="small" onClick={() => this.setState({ failed: false })}>
              {common.errorBoundaryRetry}
            </Button>
          </div>
        </MessageBarBody>
      </MessageBar>
    );
  }
}
