// The pages' text in both languages, one file each.
import en from './messages/en.js';
import zhCN from './messages/zh-CN.js';

export const messages = { 'zh-CN': zhCN, en };
