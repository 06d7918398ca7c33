const id=397,ids=[397],modules={6397:(module=>{module.exports=eval("require")("kerberos")})};export{id,ids,modules};
