/**
 * @cdsx/criteria — the typed, versioned criteria catalog of Vietnam's commune-level
 * digital-transformation model (Mô hình chuyển đổi số cấp xã).
 *
 * @packageDocumentation
 */
export * from './issues';
export * from './model';
export * from './text';
