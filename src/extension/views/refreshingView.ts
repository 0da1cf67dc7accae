// What every Parity tree view shares: it redraws whole whenever the model it shows says it changed, and
// releases that subscription when the view is disposed.
import * as vscode from '../vscodeApi';

export abstract class RefreshingView<Node> implements vscode.Disposable {
  private readonly changed = new vscode.EventEmitter<Node | undefined>();
  readonly onDidChangeTreeData = this.changed.event;
  private readonly subscription: vscode.Disposable;

  protected constructor(onModelChange: vscode.Event<unknown>) {
    this.subscription = onModelChange(() => this.changed.fire(undefined));
  }

  dispose(): void {
    this.subscription.dispose();
    this.changed.dispose();
  }
}
