throw new TypeError('child failed');
