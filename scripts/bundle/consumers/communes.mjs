// A commune picker: the list of 3,321 communes only.
import { COMMUNES, communeByCode } from '@cdsx/criteria/communes';

export const count = COMMUNES.length;
export const find = (code) => communeByCode(code);
