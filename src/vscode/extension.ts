// placeholder: replaced by the extension host implementation
export function activate(): void {}
export function deactivate(): void {}
