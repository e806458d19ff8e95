throw new TypeError('worker module threw');
