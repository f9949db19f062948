export * from 'solid-js';
