var topVar = 'module var';
export const seen = typeof topVar;
export const thisValue = this;
