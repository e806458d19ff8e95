console.log('side-effect: never evaluated (the graph fails to link)');
