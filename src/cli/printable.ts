export { printable } from "../terminal-text.js";
